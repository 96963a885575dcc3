/** The smart waiting list: joining and answering offers, and the process that offers freed slots. */
package com.clinic.scheduling.application.waitlist;
