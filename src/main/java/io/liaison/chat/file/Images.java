package io.liaison.chat.file;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Images as ImageIO reads them (JPEG, PNG, GIF, BMP, TIFF) of at most {@value #MAX_PIXELS} pixels:
 * their size, read from the header, and a preview at most {@value #PREVIEW} pixels on its longer
 * side. The preview is decoded with subsampling, so that a picture of 10,000 × 10,000 pixels costs
 * no more memory than one of twice the preview's size.
 */
final class Images {

    static final int PREVIEW = 320;

    /**
     * The most pixels a previewed image may have: a few kilobytes of PNG can claim 100,000 × 100,000
     * pixels, all of which would be inflated to make its preview. Larger ones are kept as files.
     */
    static final long MAX_PIXELS = 100_000_000L;

    private Images() {}

    record Size(int width, int height) {}

    /** The size of the image in {@code file}, or empty when ImageIO cannot read it. */
    static Optional<Size> size(Path file) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = reader(in);
            if (reader == null) {
                return Optional.empty();
            }
            try {
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                return width > 0 && height > 0 && (long) width * height <= MAX_PIXELS
                        ? Optional.of(new Size(width, height))
                        : Optional.empty();
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            // a header that does not read is not an image, whatever its type says
            return Optional.empty();
        }
    }

    /** Writes the preview of the image in {@code source} to {@code target} as {@code format} (jpg or png). */
    static void preview(Path source, Path target, String format) throws IOException {
        BufferedImage image;
        try (ImageInputStream in = ImageIO.createImageInputStream(source.toFile())) {
            ImageReader reader = reader(in);
            if (reader == null) {
                throw new IOException("no reader for " + source);
            }
            try {
                int longer = Math.max(reader.getWidth(0), reader.getHeight(0));
                ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, longer / (2 * PREVIEW));
                param.setSourceSubsampling(step, step, 0, 0);
                image = reader.read(0, param);
            } finally {
                reader.dispose();
            }
        }
        double scale = Math.min(1.0, (double) PREVIEW / Math.max(image.getWidth(), image.getHeight()));
        int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
        boolean png = format.equals("png");
        BufferedImage preview =
                new BufferedImage(width, height, png ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = preview.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            if (!png) {
                // JPEG has no transparency: what was transparent turns white, not black
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, width, height);
            }
            g.drawImage(image, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        if (!ImageIO.write(preview, png ? "png" : "jpg", target.toFile())) {
            throw new IOException("no writer for " + format);
        }
    }

    private static @Nullable ImageReader reader(@Nullable ImageInputStream in) {
        if (in == null) {
            return null;
        }
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        if (!readers.hasNext()) {
            return null;
        }
        ImageReader reader = readers.next();
        reader.setInput(in, true, true);
        return reader;
    }
}
