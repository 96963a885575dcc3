/** A cashier's shift at a branch's desk: the drawer opened with a float and closed with its count. */
package com.clinic.payments.domain.shift;
