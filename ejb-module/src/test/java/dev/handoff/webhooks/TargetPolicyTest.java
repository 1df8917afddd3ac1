package dev.handoff.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Only literal addresses here: resolving them needs no DNS, and nothing connects anywhere. */
class TargetPolicyTest {

    private static final TargetPolicy DEFAULT = TargetPolicy.of("");

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.255.0.9", "10.0.0.1", "10.255.255.255", "172.16.0.1",
            "172.31.255.255", "192.168.1.1", "169.254.169.254", "169.254.0.1", "100.64.0.1", "100.127.255.255",
            "0.0.0.0", "0.1.2.3", "224.0.0.1", "239.255.255.250", "255.255.255.255", "::1", "::", "fc00::1",
            "fdff:ffff::1", "fe80::1", "febf::1", "ff02::1", "::ffff:10.0.0.1", "::ffff:169.254.169.254",
            "::10.0.0.1", "64:ff9b::a00:1", "2002:a00:1::1"})
    void refusesLoopbackPrivateLinkLocalUnspecifiedMulticastAndCgnatAddresses(String address) throws Exception {
        assertThat(DEFAULT.refusal(InetAddress.getByName(address))).as(address).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "172.15.255.255", "172.32.0.1", "192.169.0.1",
            "100.63.255.255", "100.128.0.0", "169.253.255.255", "11.0.0.1", "2606:4700::1111", "fbff::1",
            "fec0::1", "2001:db8::1"})
    void allowsPublicAddressesJustOutsideTheRefusedRanges(String address) throws Exception {
        assertThat(DEFAULT.refusal(InetAddress.getByName(address))).as(address).isNull();
    }

    @Test
    void theAllowlistOpensTheBlocksItNamesAndNothingElse() throws Exception {
        TargetPolicy policy = TargetPolicy.of(" 127.0.0.1/32 , 10.1.0.0/16, fd00::/8");

        assertThat(policy.refusal(address("127.0.0.1"))).isNull();
        assertThat(policy.refusal(address("127.0.0.2"))).contains("loopback");
        assertThat(policy.refusal(address("10.1.200.3"))).isNull();
        assertThat(policy.refusal(address("10.2.0.1"))).contains("private");
        assertThat(policy.refusal(address("fd12::1"))).isNull();
        assertThat(policy.refusal(address("fc00::1"))).isNotNull();
    }

    @Test
    void aUrlToTheMetadataAddressIsRefusedBeforeAnyConnection() {
        assertThatThrownBy(() -> DEFAULT.check(URI.create("http://169.254.169.254/latest/meta-data/")))
                .isInstanceOf(RefusedTargetException.class)
                .hasMessageContaining("169.254.169.254")
                .hasMessageContaining("link-local")
                .hasMessageContaining(WebhooksConfig.ALLOWED_TARGETS);
    }

    @Test
    void anIpv6LiteralInBracketsIsChecked() {
        assertThatThrownBy(() -> DEFAULT.check(URI.create("http://[fe80::1]:8080/hook")))
                .isInstanceOf(RefusedTargetException.class)
                .hasMessageContaining("link-local");
    }

    @Test
    void anAllowedLiteralUrlResolvesToItsAddress() throws Exception {
        TargetPolicy policy = TargetPolicy.of("127.0.0.1/32");

        assertThat(policy.check(URI.create("http://127.0.0.1:9280/hooks")).getHostAddress()).isEqualTo("127.0.0.1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://203.0.113.5/x", "file:///etc/passwd", "/relative/path", "gopher://203.0.113.5/"})
    void onlyAbsoluteHttpAndHttpsUrlsAreAllowed(String url) {
        assertThatThrownBy(() -> DEFAULT.check(URI.create(url)))
                .isInstanceOf(RefusedTargetException.class)
                .hasMessageContaining("http");
    }

    @Test
    void aBlockParsesWithAndWithoutPrefix() throws Exception {
        assertThat(Cidr.parse("192.168.0.0/16").contains(address("192.168.77.1"))).isTrue();
        assertThat(Cidr.parse("192.168.0.0/16").contains(address("192.169.0.1"))).isFalse();
        assertThat(Cidr.parse("172.16.0.0/12").contains(address("172.31.0.1"))).isTrue();
        assertThat(Cidr.parse("203.0.113.5").contains(address("203.0.113.5"))).isTrue();
        assertThat(Cidr.parse("203.0.113.5").contains(address("203.0.113.6"))).isFalse();
        assertThat(Cidr.parse("::/0").contains(address("127.0.0.1"))).isFalse();
        assertThatThrownBy(() -> Cidr.parse("example.com/8")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
    }

    private static InetAddress address(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal);
    }
}
