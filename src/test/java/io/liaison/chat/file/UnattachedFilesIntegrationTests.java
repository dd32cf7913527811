package io.liaison.chat.file;

import static io.liaison.chat.file.Uploads.upload;
import static io.liaison.identity.Api.as;
import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Api;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Files no message carries go after a day, their bytes only when no other file has the same. */
@LiaisonIntegrationTest
class UnattachedFilesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UnattachedFiles cleanup;

    @Autowired
    BlobStore blobs;

    @Test
    void filesNeverAttachedAreDeletedAfterADayAndSharedBytesStay() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg();
        Api.Person ann = api.newMember(org, "MEMBER");
        byte[] shared = ("shared " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        byte[] alone = ("alone " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        String forgotten = uploaded(ann, "forgotten.txt", alone);
        String sent = uploaded(ann, "sent.txt", shared);
        String twin = uploaded(ann, "twin.txt", shared);
        String fresh = uploaded(ann, "fresh.txt", ("fresh " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        String group = api.createdId(json(post("/api/v1/conversations"), ann.token(), """
                {"kind":"internal","name":"文件群","memberIds":[]}"""));
        api.answer(
                json(
                        post("/api/v1/conversations/" + group + "/messages"),
                        ann.token(),
                        "{\"fileIds\":[\"" + sent + "\"]}"),
                201);
        jdbc.sql("UPDATE chat_file SET created_at = now() - interval '25 hours' WHERE org_id = ? AND id = ANY (?)")
                .params(
                        UUID.fromString(org.id()),
                        new UUID[] {UUID.fromString(forgotten), UUID.fromString(sent), UUID.fromString(twin)})
                .update();
        String forgottenHash = hash(forgotten);
        long usage = usage(org);

        assertThat(cleanup.clean()).isGreaterThanOrEqualTo(2);

        api.answer(as(get("/api/v1/files/" + forgotten), ann.token()), 404);
        api.answer(as(get("/api/v1/files/" + twin), ann.token()), 404);
        assertThat(api.answer(as(get("/api/v1/files/" + sent), ann.token()), 200))
                .startsWith("shared ");
        api.answer(as(get("/api/v1/files/" + fresh), ann.token()), 200);
        assertThat(Files.exists(blobs.path(forgottenHash)))
                .as("bytes no file has")
                .isFalse();
        assertThat(Files.exists(blobs.path(hash(sent))))
                .as("bytes the sent file has")
                .isTrue();
        assertThat(usage(org)).as("the organization's bytes in use").isEqualTo(usage - alone.length - shared.length);
    }

    private String uploaded(Api.Person person, String name, byte[] bytes) throws Exception {
        return JsonPath.read(Uploads.answer(mvc, upload(person.token(), name, bytes), 201), "$.id");
    }

    private String hash(String file) {
        return jdbc.sql("SELECT sha256 FROM chat_file WHERE id = ?")
                .params(UUID.fromString(file))
                .query(String.class)
                .single();
    }

    private long usage(Api.Org org) {
        return jdbc.sql("SELECT bytes FROM chat_file_usage WHERE org_id = ?")
                .params(UUID.fromString(org.id()))
                .query(Long.class)
                .single();
    }
}
