/** The personal-data model: subject types, entities, personal-data attributes, retention policies and purposes, built once from annotated classes and validated as a whole. */
@NullMarked
package dev.lethe.model;

import org.jspecify.annotations.NullMarked;
