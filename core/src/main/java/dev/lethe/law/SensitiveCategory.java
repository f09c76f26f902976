package dev.lethe.law;

/**
 * Data that the GDPR protects more strictly: the special categories of Art. 9(1), which need an
 * {@link Article9Condition}, and personal data relating to criminal convictions and offences,
 * which Art. 10 allows only under official authority or when authorised by law.
 */
public enum SensitiveCategory {
  RACIAL_OR_ETHNIC_ORIGIN("Art. 9(1)", DataCategory.RACIAL_OR_ETHNIC_ORIGIN),
  POLITICAL_OPINIONS("Art. 9(1)", DataCategory.POLITICAL_OPINIONS),
  RELIGIOUS_OR_PHILOSOPHICAL_BELIEFS("Art. 9(1)", DataCategory.RELIGIOUS_OR_PHILOSOPHICAL_BELIEFS),
  TRADE_UNION_MEMBERSHIP("Art. 9(1)", DataCategory.TRADE_UNION_MEMBERSHIP),
  GENETIC("Art. 9(1)", DataCategory.GENETIC),
  BIOMETRIC_FOR_IDENTIFICATION("Art. 9(1)", DataCategory.BIOMETRIC),
  HEALTH("Art. 9(1)", DataCategory.HEALTH),
  SEX_LIFE_OR_SEXUAL_ORIENTATION("Art. 9(1)", DataCategory.SEX_LIFE_OR_ORIENTATION),
  CRIMINAL_CONVICTIONS_AND_OFFENCES("Art. 10", DataCategory.CRIMINAL_CONVICTIONS);

  private final String article;
  private final DataCategory dataCategory;

  SensitiveCategory(String article, DataCategory dataCategory) {
    this.article = article;
    this.dataCategory = dataCategory;
  }

  /** {@code Art. 9(1)} for the special categories, {@code Art. 10} for criminal data. */
  public String article() {
    return article;
  }

  /** The built-in data category this corresponds to. */
  public DataCategory dataCategory() {
    return dataCategory;
  }

  /** Whether this is criminal-offence data under Art. 10 rather than a special category. */
  public boolean isCriminalOffenceData() {
    return this == CRIMINAL_CONVICTIONS_AND_OFFENCES;
  }
}
