package dev.companysso.core.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A module's own messages (a {@code *.properties} bundle of MessageFormat patterns beside a class):
 * for what its checks tell an admin, in English for the admin console, the admin REST API and the
 * log, and in the visitor's language on the portal's pages. Keycloak's theme messages serve pages;
 * these serve exceptions, which are thrown far from any theme.
 */
public final class Texts {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");

  private final String bundle;
  private final ClassLoader loader;

  /**
   * @param anchor a class in the package holding the bundle
   * @param name the bundle's base name, e.g. {@code IdpTexts}
   */
  public Texts(Class<?> anchor, String name) {
    this.bundle = anchor.getPackageName() + "." + name;
    this.loader = anchor.getClassLoader();
  }

  public String format(Locale locale, String key, List<String> params) {
    return new MessageFormat(bundle(locale).getString(key), locale).format(params.toArray());
  }

  /**
   * What a translation lacks or gets wrong against the English texts: missing or extra keys, and
   * patterns whose placeholders differ. Empty when the translation is complete.
   */
  public List<String> gaps(Locale translation) {
    Properties english = file("");
    Properties translated = file("_" + translation.getLanguage());
    Set<String> gaps = new TreeSet<>();
    for (String key : english.stringPropertyNames()) {
      String text = translated.getProperty(key);
      if (text == null) {
        gaps.add(key + ": not translated");
      } else if (!placeholders(english.getProperty(key)).equals(placeholders(text))) {
        gaps.add(key + ": other placeholders than in English");
      }
    }
    translated.stringPropertyNames().stream()
        .filter(key -> !english.containsKey(key))
        .forEach(key -> gaps.add(key + ": not in English"));
    return List.copyOf(gaps);
  }

  private Properties file(String suffix) {
    String path = bundle.replace('.', '/') + suffix + ".properties";
    try (InputStream in = loader.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(path + " is missing");
      }
      Properties texts = new Properties();
      texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      return texts;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ResourceBundle bundle(Locale locale) {
    try {
      return ResourceBundle.getBundle(
          bundle,
          locale,
          loader,
          ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    } catch (MissingResourceException e) {
      throw new IllegalStateException("The texts " + bundle + " are missing", e);
    }
  }

  private static Set<String> placeholders(String pattern) {
    Set<String> found = new TreeSet<>();
    Matcher m = PLACEHOLDER.matcher(pattern);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }
}
