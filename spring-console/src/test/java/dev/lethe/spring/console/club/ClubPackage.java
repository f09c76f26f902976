package dev.lethe.spring.console.club;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.context.annotation.Configuration;

/** Registers this package for scanning, without switching on every auto-configuration. */
@Configuration(proxyBeanMethods = false)
@AutoConfigurationPackage
public class ClubPackage {}
