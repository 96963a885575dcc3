/** Scheduling's facts processor: what happened to appointments and queue tickets, published for other contexts after commit. */
package com.clinic.scheduling.application.facts;
