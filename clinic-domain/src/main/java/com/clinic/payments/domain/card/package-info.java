/** A card payment through the provider: its states in the provider's own order, commands, events and decider. */
package com.clinic.payments.domain.card;
