package dev.lethe.spring.clinic;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.context.annotation.Configuration;

/** Registers this package for entity scanning, without switching on every auto-configuration. */
@Configuration(proxyBeanMethods = false)
@AutoConfigurationPackage
public class ClinicPackage {}
