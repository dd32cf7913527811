package io.liaison.channel.web;

import io.liaison.channel.ChannelPermissions;
import io.liaison.shared.web.NavigationEntry;
import io.liaison.shared.web.NavigationEntry.Menu;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The channel settings in the navigation, for those who manage the organization's channels; every
 * member reaches their own robots from the notification preferences.
 */
@Configuration(proxyBeanMethods = false)
class ChannelNavigation {

    @Bean
    NavigationEntry channelsEntry() {
        return new NavigationEntry(
                "nav.channels", "/channels", "broadcast", ChannelPermissions.MANAGE.code(), Menu.MORE, 25);
    }
}
