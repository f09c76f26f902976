package dev.lethe.spring.services.events;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A participant: event registrations, with its own model and database. */
@SpringBootApplication
public class EventsApplication {}
