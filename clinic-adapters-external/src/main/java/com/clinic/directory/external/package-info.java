/** Directory adapters to external libraries: telephone numbering plans. */
package com.clinic.directory.external;
