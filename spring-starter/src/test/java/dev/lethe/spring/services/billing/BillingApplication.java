package dev.lethe.spring.services.billing;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A participant: invoicing, with its own model and database. */
@SpringBootApplication
public class BillingApplication {}
