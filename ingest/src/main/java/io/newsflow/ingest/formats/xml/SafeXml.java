package io.newsflow.ingest.formats.xml;

import io.newsflow.ingest.formats.InvalidArticleException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The one way ingest reads XML. Wire formats never need a DTD, so any {@code DOCTYPE} is refused outright,
 * which rules out external entities (XXE), external DTDs and entity expansion (billion laughs); external
 * entity and XInclude resolution are off as a second line, element depth is bounded, and the encoding comes
 * from the XML declaration.
 */
public final class SafeXml {

  /** Deeper documents are refused: no news format nests this far, and walking them would cost stack. */
  public static final int MAX_ELEMENT_DEPTH = 200;

  private static final DocumentBuilderFactory FACTORY = factory();

  private SafeXml() {}

  public static Document parse(byte[] bytes) {
    DocumentBuilder builder;
    try {
      builder = FACTORY.newDocumentBuilder();
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("The JDK XML parser refuses the safe configuration", e);
    }
    builder.setEntityResolver((publicId, systemId) -> {
      throw new SAXException("External entities are not allowed: " + systemId);
    });
    builder.setErrorHandler(new Strict());
    try {
      return builder.parse(new InputSource(new ByteArrayInputStream(bytes)));
    } catch (SAXParseException e) {
      throw new InvalidArticleException("$", describe(e));
    } catch (SAXException e) {
      throw new InvalidArticleException("$", "XML refused: " + e.getMessage());
    } catch (IOException e) {
      throw new InvalidArticleException("$", "XML cannot be read: " + e.getMessage());
    }
  }

  private static String describe(SAXParseException e) {
    String message = String.valueOf(e.getMessage());
    if (message.contains("DOCTYPE")) {
      return "DOCTYPE declarations are not allowed (no DTDs, no entity definitions); line " + e.getLineNumber();
    }
    return "XML is not well-formed at line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": " + message;
  }

  private static DocumentBuilderFactory factory() {
    // the JDK's own parser, whatever else is on the classpath: CoreNLP brings Xerces 2, which lacks the JAXP 1.5
    // limits (external DTD access, element depth) that this configuration relies on
    DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
    try {
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("The JDK XML parser lacks a required safety feature", e);
    }
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    f.setAttribute("http://www.oracle.com/xml/jaxp/properties/maxElementDepth", String.valueOf(MAX_ELEMENT_DEPTH));
    f.setXIncludeAware(false);
    f.setExpandEntityReferences(false);
    f.setNamespaceAware(true);
    f.setValidating(false);
    return f;
  }

  /** Warnings are ignored; errors and fatal errors refuse the document instead of printing to stderr. */
  private static final class Strict implements ErrorHandler {
    @Override
    public void warning(SAXParseException e) {
      // nothing a client needs to know
    }

    @Override
    public void error(SAXParseException e) throws SAXException {
      throw e;
    }

    @Override
    public void fatalError(SAXParseException e) throws SAXException {
      throw e;
    }
  }
}
