/** The task pages: my tasks, the task form and page, and the task sections of the contact page and chats. */
@NullMarked
package io.liaison.task.web;

import org.jspecify.annotations.NullMarked;
