/**
 * What every module uses: ids, problem types, the database bootstrap and web-wide conventions.
 * An open module: any other module may depend on it, it depends on none.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
@NullMarked
package io.liaison.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
