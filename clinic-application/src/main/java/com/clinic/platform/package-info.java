/** Shared kernel and infrastructure every bounded context may use; open to all modules. */
@org.springframework.modulith.ApplicationModule(
        displayName = "Platform",
        type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package com.clinic.platform;
