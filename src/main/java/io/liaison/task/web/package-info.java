/**
 * The task module's pages: my tasks, the task form and page, the task sections of the contact page and
 * chats; stay-in-touch cadences on the contact and tags pages, and the contacts due for a touch.
 */
@NullMarked
package io.liaison.task.web;

import org.jspecify.annotations.NullMarked;
