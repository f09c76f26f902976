package dev.lethe.spring.services.crm;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The coordinator: a CRM whose contacts' data is disclosed to the billing and events services. */
@SpringBootApplication
public class CrmApplication {
}
