package io.liaison.contact.web;

import io.liaison.shared.PhoneNumbers;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * How the contact pages write a contact's numbers and e-mail addresses: numbers spaced for reading
 * unless masked, and addresses in parts that a line may break between (before the {@code @} and
 * before each dot), never inside a word.
 */
@Component("contactReach")
class ContactReach {

    /** A number as shown: spaced when the reader sees it in full, a masked one as it is. */
    public String phone(String number, boolean masked) {
        return masked ? number : PhoneNumbers.display(number);
    }

    /** {@code wangfang@sales.example.cn} as {@code wangfang}, {@code @sales}, {@code .example}, {@code .cn}. */
    public List<String> emailParts(String address) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 1; i < address.length(); i++) {
            char c = address.charAt(i);
            if (c == '@' || c == '.') {
                parts.add(address.substring(start, i));
                start = i;
            }
        }
        parts.add(address.substring(start));
        return parts;
    }
}
