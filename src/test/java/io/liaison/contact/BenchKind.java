package io.liaison.contact;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/** A kind of request of the benchmark and how it draws its next request from the terms. */
record BenchKind(String name, BiFunction<BenchTerms, SplittableRandom, Request> next) {

    /** What the API call does. */
    enum Shape {
        LIST,
        SUGGEST,
        GET,
        COUNT
    }

    /**
     * One request: a page of the list (ranked when {@code q} is set, in {@code sort} order when that is
     * set), a suggestion, a contact or a count.
     */
    record Request(
            Shape shape,
            @Nullable String q,
            List<UUID> tags,
            boolean allTags,
            @Nullable UUID id,
            @Nullable String sort) {

        static Request list(@Nullable String q, List<UUID> tags, boolean allTags) {
            return new Request(Shape.LIST, q, tags, allTags, null, null);
        }

        /** The plain list in the order of the API's {@code sort} parameter, such as {@code -createdAt}. */
        static Request sorted(String sort) {
            return new Request(Shape.LIST, null, List.of(), true, null, sort);
        }

        @Nullable
        ContactSort order() {
            return ContactSort.parse(sort);
        }

        ContactFilter filter() {
            return new ContactFilter(q, tags, allTags, null, null, null, null, null, null, null, null, null, Map.of());
        }
    }

    static final int PAGE = 20;

    static List<BenchKind> all() {
        return List.of(
                new BenchKind("list, sorted by updatedAt", (t, r) -> Request.list(null, List.of(), true)),
                new BenchKind("list, sorted by name", (t, r) -> Request.sorted("name")),
                new BenchKind("list, sorted by createdAt", (t, r) -> Request.sorted("-createdAt")),
                new BenchKind("list, sorted by lastContactedAt", (t, r) -> Request.sorted("-lastContactedAt")),
                new BenchKind(
                        "tag filter, 1 tag", (t, r) -> Request.list(null, List.of(BenchTerms.any(t.tags(), r)), true)),
                new BenchKind(
                        "tag filter, 3 tags, all",
                        (t, r) -> Request.list(null, BenchTerms.any(t.tagTriples(), r), true)),
                new BenchKind(
                        "tag filter, 3 tags, any",
                        (t, r) -> Request.list(null, BenchTerms.any(t.tagTriples(), r), false)),
                search("search, 1 Chinese character", BenchTerms::surnames),
                search("search, 2 Chinese characters", BenchTerms::nameParts),
                search("search, full pinyin", BenchTerms::pinyin),
                search("search, initials", BenchTerms::initials),
                search("search, phone fragment", BenchTerms::phoneDigits),
                search("search, company word", BenchTerms::companyWords),
                new BenchKind(
                        "suggest",
                        (t, r) -> new Request(
                                Shape.SUGGEST, BenchTerms.any(t.typeAhead(), r), List.of(), true, null, null)),
                new BenchKind(
                        "GET by id",
                        (t, r) -> new Request(Shape.GET, null, List.of(), true, BenchTerms.any(t.ids(), r), null)),
                new BenchKind("count", (t, r) -> new Request(Shape.COUNT, null, List.of(), true, null, null)));
    }

    private static BenchKind search(String name, java.util.function.Function<BenchTerms, List<String>> terms) {
        return new BenchKind(name, (t, r) -> Request.list(BenchTerms.any(terms.apply(t), r), List.of(), true));
    }
}
