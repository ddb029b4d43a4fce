package io.writ.bastion;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Where a connection comes from, as the kernel's socket tables write addresses. */
class PeersTest {

    @Test
    void anIpv4AddressOfProcNetTcpIsReadInHostOrder() {
        assertThat(Peers.address("0100007F")).isEqualTo("127.0.0.1");
        assertThat(Peers.address("0501A8C0")).isEqualTo("192.168.1.5");
        assertThat(Peers.address("0A00000A")).isEqualTo("10.0.0.10");
    }

    @Test
    void anIpv4ClientOnADualStackSocketIsShownAsIpv4() {
        // sshd listening on :: sees an IPv4 client as ::ffff:127.0.0.1, which /proc/net/tcp6 writes like this.
        assertThat(Peers.address("0000000000000000FFFF00000100007F")).isEqualTo("127.0.0.1");
        assertThat(Peers.address("0000000000000000FFFF00000501A8C0")).isEqualTo("192.168.1.5");
    }

    @Test
    void anIpv6AddressIsShownInItsEightGroups() {
        assertThat(Peers.address("00000000000000000000000001000000")).isEqualTo("0:0:0:0:0:0:0:1");
        // 2001:db8::1
        assertThat(Peers.address("B80D0120000000000000000001000000")).isEqualTo("2001:db8:0:0:0:0:0:1");
        // fe80::1:2ff:fe03:405
        assertThat(Peers.address("000080FE00000000FF020100050403FE")).isEqualTo("fe80:0:0:0:1:2ff:fe03:405");
        // 0:0:0:1:0:ffff:7f00:1 looks IPv4-mapped in its last words only: it is not 127.0.0.1
        assertThat(Peers.address("0000000001000000FFFF00000100007F")).isEqualTo("0:0:0:1:0:ffff:7f00:1");
    }

    @Test
    void aProcessOtherThanSshdHasNoPeer() {
        assertThat(Peers.of(ProcessHandle.current().pid())).isEmpty();
    }

    @Test
    void aProcessThatDoesNotExistHasNoPeer() {
        assertThat(Peers.of(Long.MAX_VALUE)).isEmpty();
        assertThat(Peers.of(-1)).isEmpty();
    }
}
