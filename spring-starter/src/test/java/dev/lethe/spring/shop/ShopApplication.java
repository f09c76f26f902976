package dev.lethe.spring.shop;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A small application whose entities the starter tests discover. */
@SpringBootApplication
public class ShopApplication {}
