package io.collections.adapter.providers.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.1.2.3", "10.0.0.1", "10.255.255.255", "172.16.0.1", "172.31.255.254",
            "192.168.1.1", "100.64.0.1", "100.127.255.255", "169.254.169.254", "169.254.0.1", "0.0.0.0", "0.1.2.3",
            "224.0.0.1", "239.255.255.250", "255.255.255.255", "192.0.2.10", "198.18.0.1",
            "::1", "::", "fe80::1", "fd00:ec2::254", "fc00::1", "ff02::1", "fec0::1", "2001:db8::1",
            "64:ff9b::7f00:1", "64:ff9b::a9fe:a9fe", "2002:7f00:1::1", "2002:a9fe:a9fe::1", "::127.0.0.1",
            "::ffff:0:7f00:1", "::ffff:0:a9fe:a9fe", "::ffff:0:a00:1", "64:ff9b:1::a9fe:a9fe", "64:ff9b:1::808:808",
            "2001::5efe:7f00:1", "2001:0:4136:e378:8000:63bf:3fff:fdd2", "100::1", "100::ffff:ffff:ffff:ffff"})
    void refuses_addresses_that_are_not_public(String literal) throws Exception {
        assertThat(AddressPolicy.isPublic(InetAddress.getByName(literal))).as(literal).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.1.2.3", "169.254.169.254", "192.168.0.1", "100.64.1.1"})
    void refuses_ipv4_mapped_ipv6_forms_of_unsafe_addresses(String ipv4) throws Exception {
        byte[] v4 = InetAddress.getByName(ipv4).getAddress();
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(v4, 0, mapped, 12, 4);
        InetAddress address = Inet6Address.getByAddress(null, mapped, -1);

        assertThat(AddressPolicy.isPublic(address)).as("::ffff:" + ipv4).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "172.15.255.255", "172.32.0.1", "100.63.255.255",
            "100.128.0.1", "192.169.0.1", "169.253.1.1", "2606:4700::6810:85e5", "2a00:1450:4001:80b::200e",
            "2002:5db8:d822::1", "64:ff9b::808:808", "::ffff:0:808:808", "2001:4860:4860::8888", "100:0:0:1::1"})
    void accepts_public_unicast_addresses(String literal) throws Exception {
        assertThat(AddressPolicy.isPublic(InetAddress.getByName(literal))).as(literal).isTrue();
    }
}
