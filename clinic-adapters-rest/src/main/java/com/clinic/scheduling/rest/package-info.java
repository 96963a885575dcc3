/** HTTP adapter of scheduling. */
package com.clinic.scheduling.rest;
