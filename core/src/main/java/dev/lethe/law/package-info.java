/** The GDPR vocabulary as types: lawful bases (Art. 6), rights (Chapter III), data categories, special categories (Art. 9, 10), erasure grounds and exemptions (Art. 17), restriction grounds (Art. 18). Each constant names its article. */
@NullMarked
package dev.lethe.law;

import org.jspecify.annotations.NullMarked;
