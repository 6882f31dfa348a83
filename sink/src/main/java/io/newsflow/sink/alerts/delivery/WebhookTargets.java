package io.newsflow.sink.alerts.delivery;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Which addresses webhooks may be sent to: http and https only, and never — unless an allow-list range covers the
 * address — loopback, link-local (cloud metadata services live at 169.254.169.254 and fd00:ec2::254), private
 * (RFC 1918, unique-local IPv6, carrier-grade NAT), unspecified, multicast or other reserved addresses. Every address
 * a host name resolves to must pass, so a name cannot hide an internal address among public ones.
 *
 * <p>The check runs before each attempt, not only when the subscription is made, so a name re-pointed at an
 * internal address afterwards (DNS rebinding) is caught; the HTTP client then resolves the name again within
 * milliseconds and gets the same answer from the JVM's address cache. Redirects are never followed: a 3xx answer
 * is a failed attempt.
 */
public final class WebhookTargets {

  private final List<Cidr> allowed;

  private WebhookTargets(List<Cidr> allowed) {
    this.allowed = List.copyOf(allowed);
  }

  /** No internal address allowed: the production default. */
  public static WebhookTargets publicOnly() {
    return new WebhookTargets(List.of());
  }

  /**
   * The allow-list of {@code NEWSFLOW_SINK_WEBHOOK_ALLOW}: comma-separated CIDR ranges ({@code 10.1.0.0/16},
   * {@code 127.0.0.1/32}, {@code fd00::/8}) or single addresses; blank allows nothing.
   *
   * @throws IllegalArgumentException naming the entry that is not a range
   */
  public static WebhookTargets allowing(String allowList) {
    List<Cidr> ranges = new ArrayList<>();
    if (allowList != null) {
      for (String entry : allowList.split(",")) {
        if (!entry.isBlank()) {
          ranges.add(Cidr.parse(entry.strip()));
        }
      }
    }
    return new WebhookTargets(ranges);
  }

  /** Why a target is refused. */
  public static final class BlockedTargetException extends Exception {
    public BlockedTargetException(String message) {
      super(message);
    }
  }

  /**
   * Resolves the webhook's host and checks every address it resolves to.
   *
   * @return the addresses, all permitted
   * @throws BlockedTargetException naming the URL part or the address refused and why
   */
  public List<InetAddress> check(URI url) throws BlockedTargetException {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new BlockedTargetException("webhook scheme '" + scheme + "' refused: only http and https");
    }
    if (url.getRawUserInfo() != null) {
      throw new BlockedTargetException("webhook URL with user info refused");
    }
    String host = url.getHost();
    if (host == null || host.isEmpty()) {
      throw new BlockedTargetException("webhook URL has no host");
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      throw new BlockedTargetException("webhook host '" + host + "' does not resolve");
    }
    for (InetAddress address : addresses) {
      String kind = internalKind(address);
      if (kind != null && allowed.stream().noneMatch(range -> range.contains(address))) {
        throw new BlockedTargetException("webhook host '" + host + "' resolves to " + address.getHostAddress()
            + " (" + kind + "), which is refused; allow it with NEWSFLOW_SINK_WEBHOOK_ALLOW");
      }
    }
    return Arrays.asList(addresses);
  }

  /** What internal kind of address this is, or null for a public one. */
  static String internalKind(InetAddress address) {
    if (address instanceof Inet6Address v6) {
      byte[] b = v6.getAddress();
      InetAddress embedded = embeddedIpv4(b);
      if (embedded != null) {
        String kind = internalKind(embedded);
        return kind == null ? null : kind + ", IPv4 inside IPv6";
      }
      if ((b[0] & 0xfe) == 0xfc) {
        return "unique-local"; // fc00::/7, holds fd00:ec2::254 (AWS metadata)
      }
      if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
        return "documentation";
      }
    }
    if (address.isAnyLocalAddress()) {
      return "unspecified";
    }
    if (address.isLoopbackAddress()) {
      return "loopback";
    }
    if (address.isLinkLocalAddress()) {
      return "link-local, cloud metadata";
    }
    if (address.isSiteLocalAddress()) {
      return "private";
    }
    if (address.isMulticastAddress()) {
      return "multicast";
    }
    if (address instanceof Inet4Address) {
      byte[] b = address.getAddress();
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      if (first == 0) {
        return "this network";
      }
      if (first == 100 && second >= 64 && second < 128) {
        return "carrier-grade NAT";
      }
      if (first == 198 && (second == 18 || second == 19)) {
        return "benchmarking";
      }
      if (first == 192 && second == 0 && (b[2] & 0xff) == 0) {
        return "IETF protocol assignments";
      }
      if (first >= 240) {
        return "reserved";
      }
    }
    return null;
  }

  /** The IPv4 address inside an IPv4-mapped, IPv4-compatible, NAT64 or 6to4 IPv6 address, else null. */
  private static InetAddress embeddedIpv4(byte[] b) {
    boolean zeroPrefix = true;
    for (int i = 0; i < 10; i++) {
      zeroPrefix &= b[i] == 0;
    }
    boolean mapped = zeroPrefix && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    boolean compatible = zeroPrefix && b[10] == 0 && b[11] == 0 && !(allZero(b, 12, 15) && (b[15] == 0 || b[15] == 1));
    boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
    try {
      if (mapped || compatible || nat64) {
        return InetAddress.getByAddress(Arrays.copyOfRange(b, 12, 16));
      }
      if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
        return InetAddress.getByAddress(Arrays.copyOfRange(b, 2, 6));
      }
    } catch (UnknownHostException impossible) {
      throw new IllegalStateException(impossible);
    }
    return null;
  }

  private static boolean allZero(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }

  /** An address range: a network address and the length of its prefix. */
  record Cidr(byte[] network, int prefix) {

    static Cidr parse(String text) {
      int slash = text.indexOf('/');
      String host = slash < 0 ? text : text.substring(0, slash);
      boolean literal = host.contains(":")
          ? host.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':')
          : host.chars().allMatch(c -> (c >= '0' && c <= '9') || c == '.') && host.chars().filter(c -> c == '.').count() == 3;
      if (!literal) {
        throw new IllegalArgumentException("NEWSFLOW_SINK_WEBHOOK_ALLOW: '" + text + "' is not an address range");
      }
      byte[] network;
      try {
        network = InetAddress.getByName(host).getAddress(); // a literal address: never looked up
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException("NEWSFLOW_SINK_WEBHOOK_ALLOW: '" + text + "' is not an address range");
      }
      int prefix;
      try {
        prefix = slash < 0 ? network.length * 8 : Integer.parseInt(text.substring(slash + 1));
      } catch (NumberFormatException e) {
        prefix = -1;
      }
      if (prefix < 0 || prefix > network.length * 8) {
        throw new IllegalArgumentException("NEWSFLOW_SINK_WEBHOOK_ALLOW: '" + text + "' has a bad prefix length");
      }
      return new Cidr(network, prefix);
    }

    boolean contains(InetAddress address) {
      byte[] b = address.getAddress();
      if (b.length != network.length) {
        return false;
      }
      for (int bit = 0; bit < prefix; bit++) {
        int mask = 0x80 >> (bit % 8);
        if ((b[bit / 8] & mask) != (network[bit / 8] & mask)) {
          return false;
        }
      }
      return true;
    }
  }
}
