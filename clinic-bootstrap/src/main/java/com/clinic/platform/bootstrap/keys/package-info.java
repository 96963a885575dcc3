/** {@code java -jar clinic.jar keys generate}: production keys for a deployment, without starting the server. */
package com.clinic.platform.bootstrap.keys;
