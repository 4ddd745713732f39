package io.collections.bootstrap.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Proves that each architecture rule fails when broken, by running it over a small copy of the package layout
 * whose classes break every rule on purpose.
 */
class ArchitectureRulesCanFailTest {
    private static final String BROKEN = "io.collections.bootstrap.architecture.broken";
    private static final ArchitectureRules RULES = new ArchitectureRules(BROKEN);
    private static JavaClasses broken;

    @BeforeAll
    static void importBrokenLayout() {
        broken = new ClassFileImporter().importPackages(BROKEN);
    }

    @Test
    void aDomainThatUsesALibraryOrAnAdapterIsCaught() {
        assertViolated(RULES.domainUsesOnlyTheJdk());
    }

    @Test
    void anApplicationThatUsesAnAdapterIsCaught() {
        assertViolated(RULES.applicationUsesOnlyTheDomain());
    }

    @Test
    void anAdapterThatUsesAnotherIsCaught() {
        assertThat(RULES.noAdapterUsesAnother()).anySatisfy(this::assertViolated);
    }

    @Test
    void aDependencyOnBootstrapIsCaught() {
        assertViolated(RULES.nothingUsesBootstrap());
    }

    @Test
    void aPackageCycleIsCaught() {
        assertViolated(RULES.noPackageCycles());
    }

    private void assertViolated(ArchRule rule) {
        assertThat(rule.evaluate(broken).hasViolation()).as(rule.getDescription()).isTrue();
    }
}
