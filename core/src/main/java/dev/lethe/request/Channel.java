package dev.lethe.request;

/**
 * How a rights request reached the controller. Art. 12(2) asks the controller to facilitate the
 * rights: a request counts however it arrives, and its deadline runs from receipt (Art. 12(3)).
 */
public enum Channel {
  WEB,
  EMAIL,
  PHONE,
  POST,
  IN_PERSON,
  API
}
