package io.liaison.review.duplicate;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.review.duplicate.LikelyMatches.Block;
import io.liaison.review.duplicate.LikelyMatches.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** How likely pairs are found within one block of contacts, and what does not make one. */
class LikelyMatchesTests {

    @Test
    void oneEditIsCountedInCharactersNotInUtf16Units() {
        assertThat(LikelyMatches.oneEditApart("张小明", "张晓明")).isTrue();
        assertThat(LikelyMatches.oneEditApart("johnsmith", "jonsmith")).isTrue();
        assertThat(LikelyMatches.oneEditApart("𠀀小明", "𠀁小明"))
                .as("characters beyond the BMP")
                .isTrue();
        assertThat(LikelyMatches.oneEditApart("张小明", "张小明")).isFalse();
        assertThat(LikelyMatches.oneEditApart("ab", "ba"))
                .as("a swap is two edits")
                .isFalse();
    }

    @Test
    void namesAreComparedWithoutCaseSpacesOrFullWidthForms() {
        assertThat(LikelyMatches.normalize(" Zhang  Wei ")).isEqualTo("zhangwei");
        assertThat(LikelyMatches.normalize("ＪＯＨＮ Smith")).isEqualTo("johnsmith");
    }

    @Test
    void aCompanyBlockPairsSameNamesPinyinAndTyposButNotOtherColleagues() {
        Row zhang = row("张伟");
        Row homophone = row("章伟");
        Row latin = row("Zhang Wei");
        Row typo = row("张大明");
        Row original = row("张小明");
        Row colleague = row("李娜");
        Row shortOne = row("李芳");
        Candidates found = new Candidates();

        LikelyMatches.match(
                Block.COMPANY, List.of(zhang, homophone, latin, typo, original, colleague, shortOne), found);

        assertThat(found.pairs().keySet())
                .containsExactlyInAnyOrder(
                        Candidates.Key.of(zhang.id(), homophone.id()),
                        Candidates.Key.of(zhang.id(), latin.id()),
                        Candidates.Key.of(homophone.id(), latin.id()),
                        Candidates.Key.of(typo.id(), original.id()));
        assertThat(found.pairs()
                        .get(Candidates.Key.of(typo.id(), original.id()))
                        .evidence())
                .containsExactly(new Evidence(Evidence.NAME_EDIT, "张大明 / 张小明"), new Evidence(Evidence.COMPANY, "华为"));
    }

    @Test
    void aNameThatTooManyContactsOfABlockShareSaysNothing() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i <= LikelyMatches.MAX_BUCKET; i++) {
            rows.add(row("经理"));
        }
        Candidates found = new Candidates();
        LikelyMatches.match(Block.DOMAIN, rows, found);
        assertThat(found.size()).isZero();
    }

    @Test
    void furtherEvidenceRaisesTheScoreOfTheStrongest() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        Candidates found = new Candidates();
        found.add(a, b, 95, new Evidence(Evidence.MOBILE, "+8613800138000"));
        found.add(b, a, 90, new Evidence(Evidence.EMAIL, "a@b.cn"));
        found.add(a, b, 90, new Evidence(Evidence.EMAIL, "a@b.cn"));
        Candidates.Candidate pair = found.pairs().get(Candidates.Key.of(a, b));
        assertThat(pair.score()).isEqualTo(95 + Candidates.MORE);
        assertThat(pair.exact()).isTrue();
    }

    private static Row row(String name) {
        return new Row(UUID.randomUUID(), name, "华为");
    }
}
