/** Payments persistence: the invoice projection and read model, and the clinics' number sequences. */
package com.clinic.payments.persistence;
