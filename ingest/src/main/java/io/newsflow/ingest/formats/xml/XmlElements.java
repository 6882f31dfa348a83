package io.newsflow.ingest.formats.xml;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Namespace-agnostic navigation of a parsed document, by local name, and element text as paragraphs. */
public final class XmlElements {

  /** Elements that make a paragraph in NITF and XHTML bodies. */
  private static final Set<String> BLOCKS = Set.of("p", "hl1", "hl2", "h1", "h2", "h3", "h4", "h5", "h6", "li",
      "block", "blockquote", "div", "section", "pre", "dt", "dd", "tr", "br", "caption", "figcaption");

  private XmlElements() {}

  public static String localName(Node node) {
    return node.getLocalName() != null ? node.getLocalName() : node.getNodeName();
  }

  public static List<Element> children(Element parent, String localName) {
    List<Element> out = new ArrayList<>();
    if (parent == null) {
      return out;
    }
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && localName.equals(localName(e))) {
        out.add(e);
      }
    }
    return out;
  }

  public static Element child(Element parent, String localName) {
    List<Element> found = children(parent, localName);
    return found.isEmpty() ? null : found.get(0);
  }

  /** The first descendant with this local name, in document order, or null. */
  public static Element descendant(Element parent, String localName) {
    if (parent == null) {
      return null;
    }
    var list = parent.getElementsByTagNameNS("*", localName);
    return list.getLength() == 0 ? null : (Element) list.item(0);
  }

  /** Text content of the element with whitespace folded, or null. */
  public static String text(Element element) {
    if (element == null) {
      return null;
    }
    String text = element.getTextContent().replaceAll("\\s+", " ").strip();
    return text.isEmpty() ? null : text;
  }

  public static String childText(Element parent, String localName) {
    return text(child(parent, localName));
  }

  /** Attribute value or null when absent or blank. */
  public static String attr(Element element, String name) {
    if (element == null || !element.hasAttribute(name)) {
      return null;
    }
    String value = element.getAttribute(name).strip();
    return value.isEmpty() ? null : value;
  }

  /** The text of a marked-up body (NITF, XHTML): one paragraph per block element, separated by a blank line. */
  public static String paragraphs(Element root) {
    List<String> paragraphs = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    collect(root, paragraphs, current);
    flush(paragraphs, current);
    return String.join("\n\n", paragraphs);
  }

  private static void collect(Node node, List<String> paragraphs, StringBuilder current) {
    for (Node n = node.getFirstChild(); n != null; n = n.getNextSibling()) {
      switch (n.getNodeType()) {
        case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> current.append(n.getNodeValue());
        case Node.ELEMENT_NODE -> {
          boolean block = BLOCKS.contains(localName(n));
          if (block) {
            flush(paragraphs, current);
          }
          collect(n, paragraphs, current);
          if (block) {
            flush(paragraphs, current);
          }
        }
        default -> { }
      }
    }
  }

  private static void flush(List<String> paragraphs, StringBuilder current) {
    String folded = current.toString().replace('\u00A0', ' ').replaceAll("\\s+", " ").strip();
    if (!folded.isEmpty()) {
      paragraphs.add(folded);
    }
    current.setLength(0);
  }
}
