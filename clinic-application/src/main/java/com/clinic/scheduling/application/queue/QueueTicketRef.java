package com.clinic.scheduling.application.queue;

import java.util.UUID;

/** A ticket as its holder sees it: the id to follow it by and the number that is called out. */
public record QueueTicketRef(UUID ticketId, int number) {}
