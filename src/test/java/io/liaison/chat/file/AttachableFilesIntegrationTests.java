package io.liaison.chat.file;

import static io.liaison.chat.file.Uploads.PDF;
import static io.liaison.chat.file.Uploads.upload;
import static io.liaison.identity.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.jayway.jsonpath.JsonPath;
import io.liaison.LiaisonIntegrationTest;
import io.liaison.chat.ChatFile;
import io.liaison.chat.ChatFiles;
import io.liaison.chat.ChatUser;
import io.liaison.chat.ChatUsers;
import io.liaison.chat.FileReaders;
import io.liaison.identity.Api;
import io.liaison.identity.MemberService;
import io.liaison.shared.LiaisonException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What the conversations get from {@link ChatFiles}: a message may carry the files its author
 * uploaded or may read (as {@link FileReaders} says), in the order given, and nothing else; and the
 * files a page of messages shows. {@link FileReaders} stands in for the conversations here.
 */
@LiaisonIntegrationTest
class AttachableFilesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ChatFiles chatFiles;

    @Autowired
    MemberService members;

    @MockitoBean
    FileReaders readers;

    @Autowired
    ChatUsers users;

    Api api;
    Api.Org org;
    Api.Person me;
    Api.Person colleague;
    ChatUser actor;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(mvc);
        org = api.newOrg();
        me = api.newMember(org, "MEMBER");
        colleague = api.newMember(org, "MEMBER");
        actor = users.of(members.actor(UUID.fromString(me.id())).orElseThrow());
    }

    @Test
    void aMessageCarriesTheAuthorsOwnFilesInTheOrderGiven() throws Exception {
        UUID pdf = uploaded(me, "方案.pdf", PDF);
        UUID text = uploaded(me, "notes.txt", "notes".getBytes(StandardCharsets.UTF_8));

        List<ChatFile> files = chatFiles.attachable(actor, List.of(text, pdf));
        assertThat(files).extracting(ChatFile::id).containsExactly(text, pdf);
        assertThat(files).extracting(ChatFile::name).containsExactly("notes.txt", "方案.pdf");
        assertThat(files).extracting(ChatFile::mediaType).containsExactly("text/plain", "application/pdf");
    }

    @Test
    void aColleaguesFileIsRefusedNamingFileIdsUntilTheConversationsLetTheAuthorReadIt() throws Exception {
        UUID mine = uploaded(me, "mine.pdf", PDF);
        UUID theirs = uploaded(colleague, "theirs.pdf", PDF);

        assertThatThrownBy(() -> chatFiles.attachable(actor, List.of(mine, theirs)))
                .isInstanceOfSatisfying(LiaisonException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(400);
                    assertThat(e.errors())
                            .extracting(LiaisonException.FieldError::field)
                            .containsExactly("fileIds[1]");
                });
        api.answer(as(get("/api/v1/files/" + theirs), me.token()), 404);

        when(readers.mayRead(any(), eq(theirs))).thenReturn(true);
        assertThat(chatFiles.attachable(actor, List.of(mine, theirs)))
                .extracting(ChatFile::id)
                .containsExactly(mine, theirs);
        String download = api.answer(as(get("/api/v1/files/" + theirs), me.token()), 200);
        assertThat(download).startsWith("%PDF");
    }

    @Test
    void anotherOrganizationsFileIsNeitherAttachableNorShown() throws Exception {
        Api.Org other = api.newOrg();
        UUID foreign = UUID.fromString(
                JsonPath.read(Uploads.answer(mvc, upload(other.adminToken(), "x.pdf", PDF), 201), "$.id"));
        when(readers.mayRead(any(), eq(foreign))).thenReturn(true);

        assertThatThrownBy(() -> chatFiles.attachable(actor, List.of(foreign)))
                .isInstanceOfSatisfying(
                        LiaisonException.class,
                        e -> assertThat(e.errors())
                                .extracting(LiaisonException.FieldError::field)
                                .containsExactly("fileIds[0]"));
        UUID mine = uploaded(me, "mine.pdf", PDF);
        assertThat(chatFiles.byIds(actor.orgId(), List.of(foreign, mine, UUID.randomUUID())))
                .extracting(ChatFile::id)
                .containsExactly(mine);
    }

    @Test
    void aMessageCarriesAtMostTwentyFiles() {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i <= AttachableFiles.MAX_PER_MESSAGE; i++) {
            ids.add(UUID.randomUUID());
        }
        assertThatThrownBy(() -> chatFiles.attachable(actor, ids))
                .isInstanceOfSatisfying(
                        LiaisonException.class, e -> assertThat(e.type()).isEqualTo("too-many"));
    }

    private UUID uploaded(Api.Person person, String name, byte[] bytes) throws Exception {
        return UUID.fromString(JsonPath.read(Uploads.answer(mvc, upload(person.token(), name, bytes), 201), "$.id"));
    }
}
