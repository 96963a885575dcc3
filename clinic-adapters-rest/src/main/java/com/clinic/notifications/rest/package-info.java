/** The signed-in user's in-app notifications over HTTP, rendered in their language. */
package com.clinic.notifications.rest;
