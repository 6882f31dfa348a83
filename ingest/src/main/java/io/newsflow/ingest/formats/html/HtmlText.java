package io.newsflow.ingest.formats.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * HTML reduced to clean text: scripts, styles and markup gone, one paragraph per block element, paragraphs
 * separated by a blank line. Walks the tree without recursion, so deeply nested markup cannot overflow the stack.
 */
public final class HtmlText {

  private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "main", "header", "footer",
      "aside", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
      "table", "tr", "figure", "figcaption", "address", "hr", "body", "hl1", "hl2", "block", "body.content",
      "nitf", "caption");

  private static final String DROPPED = "script, style, noscript, template, head, svg, math, iframe, object, "
      + "embed, form, button, select, textarea, nav";

  private HtmlText() {}

  /** Text of an HTML fragment or document. */
  public static String toText(String html) {
    if (html == null || html.isBlank()) {
      return "";
    }
    Element root = Jsoup.parse(html).body();
    return toText(root);
  }

  /** Text of an element of a parsed document; removes unwanted elements from it. */
  public static String toText(Element element) {
    element.select(DROPPED).remove();
    Collector collector = new Collector();
    NodeTraversor.traverse(collector, element);
    return collector.text();
  }

  /** Plain text as delivered, paragraphs normalised: a blank line between paragraphs, whitespace folded. */
  public static String normalisePlain(String text) {
    if (text == null) {
      return "";
    }
    String unified = text.replace("\r\n", "\n").replace('\r', '\n');
    // copy that never uses blank lines marks each paragraph with a single line break
    String[] paragraphs = unified.contains("\n\n") ? unified.split("\n\\s*\n") : unified.split("\n");
    List<String> kept = new ArrayList<>();
    for (String paragraph : paragraphs) {
      String folded = paragraph.replaceAll("\\s+", " ").strip();
      if (!folded.isEmpty()) {
        kept.add(folded);
      }
    }
    return String.join("\n\n", kept);
  }

  private static final class Collector implements NodeVisitor {
    private final List<String> paragraphs = new ArrayList<>();
    private final StringBuilder current = new StringBuilder();

    @Override
    public void head(Node node, int depth) {
      if (node instanceof TextNode text) {
        // line breaks in markup source are just whitespace; only <br> breaks a line
        current.append(text.getWholeText().replace('\n', ' ').replace('\r', ' '));
      } else if (node instanceof Element e) {
        if (e.normalName().equals("br")) {
          current.append('\n');
        } else if (BLOCKS.contains(e.normalName())) {
          flush();
        }
      }
    }

    @Override
    public void tail(Node node, int depth) {
      if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
        flush();
      } else if (node instanceof Element e && (e.normalName().equals("td") || e.normalName().equals("th"))) {
        current.append(' ');
      }
    }

    private void flush() {
      String[] lines = current.toString().split("\n");
      List<String> kept = new ArrayList<>();
      for (String line : lines) {
        String folded = line.replace('\u00A0', ' ').replaceAll("\\s+", " ").strip();
        if (!folded.isEmpty()) {
          kept.add(folded);
        }
      }
      if (!kept.isEmpty()) {
        paragraphs.add(String.join("\n", kept));
      }
      current.setLength(0);
    }

    String text() {
      flush();
      return String.join("\n\n", paragraphs);
    }
  }
}
