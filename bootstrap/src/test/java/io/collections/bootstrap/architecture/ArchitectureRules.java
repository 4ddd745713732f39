package io.collections.bootstrap.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The module table of SPEC section 2 as ArchUnit rules over a root package, so the same rules check the real code
 * and, in a test, a deliberately broken copy that proves each rule can fail.
 */
final class ArchitectureRules {
    private final String root;

    ArchitectureRules(String root) {
        this.root = root;
    }

    ArchRule domainUsesOnlyTheJdk() {
        return classes().that().resideInAPackage(root + ".domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(root + ".domain..", "java..")
                .because("the domain jar has no runtime dependency beyond the JDK");
    }

    ArchRule applicationUsesOnlyTheDomain() {
        return classes().that().resideInAPackage(root + ".application..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage(root + ".application..", root + ".domain..", "java..", "javax.crypto..")
                .because("use cases know the domain and the JDK (its cipher included) and nothing of the adapters");
    }

    List<ArchRule> noAdapterUsesAnother() {
        List<String> adapters = List.of("http", "jdbc", "providers");
        return adapters.stream().map(adapter -> (ArchRule) noClasses()
                .that().resideInAPackage(root + ".adapter." + adapter + "..")
                .should().dependOnClassesThat().resideInAnyPackage(adapters.stream()
                        .filter(other -> !other.equals(adapter))
                        .map(other -> root + ".adapter." + other + "..").toArray(String[]::new))
                .because("adapters meet only in bootstrap")
                .allowEmptyShould(true)).toList();
    }

    ArchRule nothingUsesBootstrap() {
        return noClasses().that().resideOutsideOfPackage(root + ".bootstrap..")
                .should().dependOnClassesThat().resideInAPackage(root + ".bootstrap..")
                .because("bootstrap wires everything and nothing may depend on it");
    }

    ArchRule noPackageCycles() {
        return slices().matching(root + ".(**)").should().beFreeOfCycles();
    }
}
