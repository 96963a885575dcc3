/** Architecture guard rails: layer and module boundaries checked on the compiled classes. */
package com.clinic.architecture;
