package io.liaison.chat.file;

import static io.liaison.chat.file.Uploads.PDF;
import static io.liaison.chat.file.Uploads.upload;
import static io.liaison.identity.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.jayway.jsonpath.JsonPath;
import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Api;
import io.liaison.shared.LiaisonProperties;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * {@code /api/v1/files}: what a member uploads is kept under its cleaned name with the type its
 * bytes have, downloaded with a header that keeps a Chinese name, previewed when it is an image,
 * refused when it is a program or a fake image or too large, stored once however often it is
 * uploaded, and read by nobody but its uploader while no conversation shares it.
 */
@LiaisonIntegrationTest
class FileApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    LiaisonProperties properties;

    @Autowired
    UploadSize uploadSize;

    Api api;
    Api.Org org;
    Api.Person me;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(mvc);
        org = api.newOrg();
        me = api.newMember(org, "MEMBER");
    }

    @Test
    void aChineseNameSurvivesTheDownloadAndTheBytesComeBackWithTheirDetectedType() throws Exception {
        String uploaded = answer(upload(me.token(), "C:\\Users\\me\\报价单 2026\u202E.pdf", PDF), 201);
        String id = JsonPath.read(uploaded, "$.id");
        assertThat((String) JsonPath.read(uploaded, "$.name")).isEqualTo("报价单 2026.pdf");
        assertThat((String) JsonPath.read(uploaded, "$.mediaType")).isEqualTo("application/pdf");
        assertThat((Integer) JsonPath.read(uploaded, "$.size")).isEqualTo(PDF.length);

        MockHttpServletResponse download = mvc.perform(as(get("/api/v1/files/" + id), me.token()))
                .andReturn()
                .getResponse();
        assertThat(download.getStatus()).isEqualTo(200);
        assertThat(download.getContentAsByteArray()).isEqualTo(PDF);
        assertThat(download.getContentType()).isEqualTo("application/pdf");
        assertThat(download.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        String header = download.getHeader(HttpHeaders.CONTENT_DISPOSITION);
        assertThat(header).startsWith("attachment;").contains("filename*=UTF-8''");
        assertThat(ContentDisposition.parse(header).getFilename()).isEqualTo("报价单 2026.pdf");
        assertThat(download.getHeader(HttpHeaders.ETAG)).isEqualTo("\"" + sha256(PDF) + "\"");

        MockHttpServletResponse again = mvc.perform(as(get("/api/v1/files/" + id), me.token())
                        .header(HttpHeaders.IF_NONE_MATCH, download.getHeader(HttpHeaders.ETAG)))
                .andReturn()
                .getResponse();
        assertThat(again.getStatus()).isEqualTo(304);
    }

    @Test
    void aProgramNamedJpgIsRefusedSayingWhatItIsInTheReadersLanguage() throws Exception {
        String english = answer(upload(me.token(), "holiday.jpg", Uploads.program()), 400);
        assertThat((String) JsonPath.read(english, "$.errors[0].field")).isEqualTo("file");
        assertThat((String) JsonPath.read(english, "$.errors[0].message"))
                .contains("is a program (application/x-")
                .contains("whatever their name");

        String chinese = answer(
                upload(me.token(), "holiday.jpg", Uploads.program()).header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN"), 400);
        assertThat((String) JsonPath.read(chinese, "$.errors[0].message")).contains("是可执行程序");
    }

    @Test
    void aNameThatClaimsAnImageForBytesThatAreNotOneIsRefused() throws Exception {
        byte[] text = "just some words, not a picture\n".getBytes(StandardCharsets.UTF_8);
        String refused = answer(upload(me.token(), "photo.png", text), 400);
        assertThat((String) JsonPath.read(refused, "$.errors[0].message"))
                .isEqualTo("is named .png, an image, but its content is not an image (text/plain)");

        assertThat(answer(upload(me.token(), "notes.txt", text), 201)).contains("\"mediaType\":\"text/plain\"");
    }

    @Test
    void aFileLargerThanTheLimitIsRefusedNamingTheLimitWhetherItSaysSoOrNot() throws Exception {
        long limit = 100L * 1024 * 1024;
        String declared = answer(upload(me.token(), new Streamed("big.bin", limit + 1, limit + 1)), 413);
        assertThat((String) JsonPath.read(declared, "$.detail"))
                .isEqualTo("The file is larger than the limit of 100 MB.");

        // a client whose part says less than it sends is cut off once the bytes pass the limit
        String lying = answer(
                upload(me.token(), new Streamed("big.bin", 10, limit + 1)).header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN"),
                413);
        assertThat((String) JsonPath.read(lying, "$.detail")).isEqualTo("文件超过了 100 MB 的上限。");
        assertThat(incoming()).as("nothing left of the refused uploads").isEmpty();

        answer(upload(me.token(), new Streamed("exactly.bin", limit, limit)), 201);

        // a request whose length is past the limit is answered before any of it is read
        MockHttpServletRequest large = new MockHttpServletRequest("POST", "/api/v1/files") {
            @Override
            public long getContentLengthLong() {
                return limit + 2 * 1024 * 1024;
            }
        };
        MockHttpServletResponse early = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        uploadSize.doFilter(large, early, chain);
        assertThat(early.getStatus()).isEqualTo(413);
        assertThat(chain.getRequest()).as("nothing after the filter saw it").isNull();
        assertThat(early.getContentAsString(StandardCharsets.UTF_8)).contains("100 MB");
    }

    @Test
    void identicalBytesUploadedTwiceAreStoredOnce() throws Exception {
        byte[] bytes = ("the same minutes, shared twice " + Api.unique("x")).getBytes(StandardCharsets.UTF_8);
        Api.Org other = api.newOrg();
        long before = storedBlobs();
        String first = JsonPath.read(answer(upload(me.token(), "minutes.txt", bytes), 201), "$.id");
        assertThat(storedBlobs()).isEqualTo(before + 1);
        String second = JsonPath.read(answer(upload(other.adminToken(), "纪要.txt", bytes), 201), "$.id");
        assertThat(first).isNotEqualTo(second);
        assertThat(storedBlobs())
                .as("the second upload's bytes are the first's")
                .isEqualTo(before + 1);

        String hash = sha256(bytes);
        Path stored = properties
                .dataDir()
                .resolve("files")
                .resolve(hash.substring(0, 2))
                .resolve(hash);
        assertThat(Files.readAllBytes(stored)).isEqualTo(bytes);
        assertThat(incoming()).isEmpty();
        String download = answer(as(get("/api/v1/files/" + second), other.adminToken()), 200);
        assertThat(download).isEqualTo(new String(bytes, StandardCharsets.UTF_8));
    }

    @Test
    void anImageIsShownInlineAndPreviewedAtMost320PixelsWide() throws Exception {
        byte[] png = Uploads.image(1000, 500, "png");
        String uploaded = answer(upload(me.token(), "白板.png", png), 201);
        String id = JsonPath.read(uploaded, "$.id");
        assertThat((Boolean) JsonPath.read(uploaded, "$.image")).isTrue();
        assertThat((Integer) JsonPath.read(uploaded, "$.width")).isEqualTo(1000);
        assertThat((Integer) JsonPath.read(uploaded, "$.height")).isEqualTo(500);

        MockHttpServletResponse download = mvc.perform(as(get("/api/v1/files/" + id), me.token()))
                .andReturn()
                .getResponse();
        assertThat(download.getHeader(HttpHeaders.CONTENT_DISPOSITION)).startsWith("inline;");

        for (int i = 0; i < 2; i++) {
            MockHttpServletResponse preview = mvc.perform(as(get("/api/v1/files/" + id + "/thumbnail"), me.token()))
                    .andReturn()
                    .getResponse();
            assertThat(preview.getStatus()).isEqualTo(200);
            assertThat(preview.getContentType()).isEqualTo("image/png");
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(preview.getContentAsByteArray()));
            assertThat(image.getWidth()).isEqualTo(320);
            assertThat(image.getHeight()).isEqualTo(160);
            assertThat(image.getRGB(10, 80) & 0xffffff).isEqualTo(0xff0000);
        }

        String jpeg =
                JsonPath.read(answer(upload(me.token(), "photo.jpg", Uploads.image(200, 600, "jpg")), 201), "$.id");
        MockHttpServletResponse small = mvc.perform(as(get("/api/v1/files/" + jpeg + "/thumbnail"), me.token()))
                .andReturn()
                .getResponse();
        assertThat(small.getContentType()).isEqualTo("image/jpeg");
        BufferedImage portrait = ImageIO.read(new ByteArrayInputStream(small.getContentAsByteArray()));
        assertThat(portrait.getHeight()).isEqualTo(320);
        assertThat(portrait.getWidth()).isEqualTo(107);
    }

    @Test
    void aPngClaimingTenBillionPixelsIsKeptAsAFileWithoutAPreview() throws Exception {
        String uploaded = answer(upload(me.token(), "bomb.png", Uploads.claimedPng(100_000, 100_000)), 201);
        String id = JsonPath.read(uploaded, "$.id");
        assertThat((String) JsonPath.read(uploaded, "$.mediaType")).isEqualTo("image/png");
        assertThat((Boolean) JsonPath.read(uploaded, "$.image")).isFalse();
        answer(as(get("/api/v1/files/" + id + "/thumbnail"), me.token()), 404);
        MockHttpServletResponse download = mvc.perform(as(get("/api/v1/files/" + id), me.token()))
                .andReturn()
                .getResponse();
        assertThat(download.getHeader(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment;");

        String fits = answer(upload(me.token(), "fits.png", Uploads.claimedPng(10_000, 10_000)), 201);
        assertThat((Boolean) JsonPath.read(fits, "$.image"))
                .as("the same header within the limit")
                .isTrue();
    }

    @Test
    void aFileThatIsNotAnImageHasNoPreview() throws Exception {
        String id = JsonPath.read(answer(upload(me.token(), "a.pdf", PDF), 201), "$.id");
        String answer = answer(as(get("/api/v1/files/" + id + "/thumbnail"), me.token()), 404);
        assertThat(answer).contains("/problems/file-preview-not-found");
    }

    @Test
    void aColleaguesFileDoesNotExistForAnotherMemberEvenAnAdministrator() throws Exception {
        String id = JsonPath.read(answer(upload(me.token(), "mine.pdf", PDF), 201), "$.id");
        Api.Person colleague = api.newMember(org, "MEMBER");
        for (String token : new String[] {colleague.token(), org.adminToken()}) {
            assertThat(answer(as(get("/api/v1/files/" + id), token), 404)).contains("/problems/file-not-found");
            answer(as(get("/api/v1/files/" + id + "/thumbnail"), token), 404);
        }
    }

    @Test
    void anUploadWithoutAFileIsRefusedNamingTheField() throws Exception {
        String empty = answer(upload(me.token(), "empty.txt", new byte[0]), 400);
        assertThat((String) JsonPath.read(empty, "$.errors[0].field")).isEqualTo("file");
        assertThat((String) JsonPath.read(empty, "$.errors[0].message")).isEqualTo("is empty");
    }

    private String answer(RequestBuilder request, int expected) throws Exception {
        return Uploads.answer(mvc, request, expected);
    }

    private Stream<Path> incoming() throws IOException {
        Path incoming = properties.dataDir().resolve("files").resolve("incoming");
        if (!Files.exists(incoming)) {
            return Stream.empty();
        }
        try (Stream<Path> files = Files.list(incoming)) {
            return files.filter(f -> f.getFileName().toString().startsWith("upload-")).toList().stream();
        }
    }

    /** The files of stored bytes: every file under files/ but the temporary ones and the previews. */
    private long storedBlobs() throws IOException {
        Path root = properties.dataDir().resolve("files");
        if (!Files.exists(root)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> !f.startsWith(root.resolve("incoming")) && !f.startsWith(root.resolve("thumbnails")))
                    .count();
        }
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** A part of {@code size} zero bytes that says it has {@code declared}, streamed rather than held. */
    static final class Streamed extends MockMultipartFile {

        private final long declared;
        private final long size;

        Streamed(String name, long declared, long size) {
            super("file", name, "application/octet-stream", new byte[0]);
            this.declared = declared;
            this.size = size;
        }

        @Override
        public long getSize() {
            return declared;
        }

        @Override
        public InputStream getInputStream() {
            return new InputStream() {
                long left = size;

                @Override
                public int read() {
                    return left-- > 0 ? 0 : -1;
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    if (left <= 0) {
                        return -1;
                    }
                    int n = (int) Math.min(len, left);
                    java.util.Arrays.fill(b, off, off + n, (byte) 0);
                    left -= n;
                    return n;
                }
            };
        }
    }
}
