package dev.handoff.webhooks;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * A block of IPv4 or IPv6 addresses, written {@code address/prefix} ({@code 10.0.0.0/8}, {@code fc00::/7}); an
 * address alone is a block of one.
 *
 * @param network the block's address bytes, 4 or 16
 * @param prefix how many leading bits an address must share with {@code network}
 */
record Cidr(byte[] network, int prefix) {

    /** Literal addresses only: a host name must never be resolved while a setting is read. */
    private static final Pattern LITERAL = Pattern.compile("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    /**
     * @throws IllegalArgumentException when the text is not an address or block
     */
    static Cidr parse(String text) {
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        if (!LITERAL.matcher(address).matches()) {
            throw new IllegalArgumentException("not an IP address: " + text);
        }
        byte[] bytes;
        try {
            bytes = InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + text, e);
        }
        int prefix = slash < 0 ? bytes.length * 8 : prefixOf(text.substring(slash + 1), bytes.length * 8, text);
        return new Cidr(bytes, prefix);
    }

    /** Whether the address lies in the block; an IPv4 address never lies in an IPv6 block, nor the reverse. */
    boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length != network.length) {
            return false;
        }
        int whole = prefix / 8;
        for (int i = 0; i < whole; i++) {
            if (bytes[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (bytes[whole] & mask) == (network[whole] & mask);
    }

    private static int prefixOf(String text, int bits, String whole) {
        try {
            int prefix = Integer.parseInt(text);
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("prefix out of range 0-" + bits + ": " + whole);
            }
            return prefix;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a prefix length: " + whole, e);
        }
    }
}
