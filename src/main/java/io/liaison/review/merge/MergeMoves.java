package io.liaison.review.merge;

import io.liaison.chat.ConversationContactMerge;
import io.liaison.contact.ContactMerging;
import io.liaison.task.TaskContactMerge;
import java.util.List;

/** What a merge moved from the merged contacts to the survivor, for the undo to move back. */
record MergeMoves(
        ContactMerging.Moved contact,
        List<TaskContactMerge.MovedLink> tasks,
        List<ConversationContactMerge.MovedLink> conversations) {}
