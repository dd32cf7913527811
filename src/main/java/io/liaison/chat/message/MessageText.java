package io.liaison.chat.message;

import java.util.List;
import java.util.Set;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * A message's Markdown as HTML: a CommonMark subset (emphasis, strikethrough, code, quotes, lists,
 * links and bare URLs made links) rendered with raw HTML escaped, then cleaned by a jsoup safelist so
 * that only those elements, and links to http, https and mailto, reach a reader. Headings, rules and
 * HTML blocks are not parsed (they stay text); an image is dropped by the safelist.
 */
final class MessageText {

    private static final List<Extension> EXTENSIONS =
            List.of(AutolinkExtension.create(), StrikethroughExtension.create());
    private static final Parser PARSER = Parser.builder()
            .extensions(EXTENSIONS)
            .enabledBlockTypes(Set.of(
                    org.commonmark.node.BlockQuote.class,
                    org.commonmark.node.FencedCodeBlock.class,
                    org.commonmark.node.IndentedCodeBlock.class,
                    org.commonmark.node.ListBlock.class))
            .build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .extensions(EXTENSIONS)
            .escapeHtml(true)
            .sanitizeUrls(true)
            .softbreak("<br>")
            .build();
    private static final Safelist SAFE = new Safelist()
            .addTags("p", "br", "em", "strong", "del", "code", "pre", "blockquote", "ul", "ol", "li", "a")
            .addAttributes("a", "href")
            .addAttributes("ol", "start")
            .addProtocols("a", "href", "http", "https", "mailto")
            .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer")
            .addEnforcedAttribute("a", "target", "_blank");

    private MessageText() {}

    static String html(String markdown) {
        Node document = PARSER.parse(markdown);
        String rendered = RENDERER.render(document);
        Document.OutputSettings output = new Document.OutputSettings().prettyPrint(false);
        return Jsoup.clean(rendered, "", SAFE, output).strip();
    }
}
