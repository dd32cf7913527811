package io.liaison.push.template;

import java.util.List;
import java.util.Set;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.LineBreakRendering;
import org.commonmark.renderer.text.TextContentRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * A push body's Markdown as e-mail HTML and as plain text. The HTML comes from a CommonMark subset
 * (headings, emphasis, strikethrough, code, quotes, lists, links and bare URLs made links) rendered
 * with raw HTML escaped, then cleaned by a jsoup safelist so that only those elements, and links to
 * http, https and mailto, reach a reader; an image is dropped. A contact's values are escaped
 * before they enter the Markdown, so that a name such as {@code *Li*} stays text.
 */
final class MarkdownOutput {

    private static final List<Extension> EXTENSIONS =
            List.of(AutolinkExtension.create(), StrikethroughExtension.create());
    private static final Parser PARSER = Parser.builder()
            .extensions(EXTENSIONS)
            .enabledBlockTypes(Set.of(
                    Heading.class, BlockQuote.class, FencedCodeBlock.class, IndentedCodeBlock.class, ListBlock.class))
            .build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder()
            .extensions(EXTENSIONS)
            .escapeHtml(true)
            .sanitizeUrls(true)
            .softbreak("<br>")
            .build();
    private static final TextContentRenderer TEXT = TextContentRenderer.builder()
            .extensions(EXTENSIONS)
            .lineBreakRendering(LineBreakRendering.SEPARATE_BLOCKS)
            .build();
    private static final Safelist SAFE = new Safelist()
            .addTags(
                    "p",
                    "br",
                    "em",
                    "strong",
                    "del",
                    "code",
                    "pre",
                    "blockquote",
                    "ul",
                    "ol",
                    "li",
                    "a",
                    "h1",
                    "h2",
                    "h3",
                    "h4",
                    "h5",
                    "h6")
            .addAttributes("a", "href")
            .addAttributes("ol", "start")
            .addProtocols("a", "href", "http", "https", "mailto")
            .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer");

    private static final String SPECIAL = "\\`*_[]<>~&";

    private MarkdownOutput() {}

    static String html(String markdown) {
        Node document = PARSER.parse(markdown);
        Document.OutputSettings output = new Document.OutputSettings().prettyPrint(false);
        return Jsoup.clean(HTML.render(document), "", SAFE, output).strip();
    }

    static String text(String markdown) {
        return TEXT.render(PARSER.parse(markdown)).strip();
    }

    /**
     * A contact's value as Markdown text: one line, its marks escaped, and a list or quote mark at
     * its start escaped too (the value may begin a line of the body).
     */
    static String escape(String value) {
        String line = value.replaceAll("\\s*[\\r\\n]+\\s*", " ");
        StringBuilder escaped = new StringBuilder(line.length() + 8);
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            boolean atStart = (i == 0 && "-+=#".indexOf(c) >= 0) || (isListNumber(line, i) && (c == '.' || c == ')'));
            if (SPECIAL.indexOf(c) >= 0 || atStart) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    /** Whether {@code at} follows the digits a value starts with, as in {@code 1. } of an ordered list. */
    private static boolean isListNumber(String line, int at) {
        if (at == 0) {
            return false;
        }
        for (int i = 0; i < at; i++) {
            if (!Character.isDigit(line.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
