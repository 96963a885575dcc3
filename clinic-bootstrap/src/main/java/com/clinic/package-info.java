/** Root of the application; each direct sub-package is one bounded context (a Spring Modulith module). */
package com.clinic;
