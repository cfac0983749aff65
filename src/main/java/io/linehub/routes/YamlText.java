package io.linehub.routes;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * The file as plain YAML, before Camel reads it as routes: syntax (the parser's line), a key written twice
 * in one mapping (the YAML DSL would silently keep the last one), and a file with nothing in it.
 */
final class YamlText {

    private YamlText() {
    }

    /** @return whether the text is YAML Camel can go on to read */
    static boolean check(String text, ProblemList problems) {
        LoadSettings settings = LoadSettings.builder().setAllowDuplicateKeys(false).build();
        try {
            boolean content = false;
            for (Object document : new Load(settings).loadAllFromString(text)) {
                content |= document != null;
            }
            if (!content) {
                problems.add(1, "the file is empty: it holds no routes, route templates or beans");
            }
            return content;
        } catch (MarkedYamlEngineException e) {
            problems.add(CamelErrors.yamlLine(e), "YAML does not parse (check the indentation and quotes here): "
                    + CamelErrors.yamlMessage(e));
            return false;
        } catch (YamlEngineException e) {
            problems.add(1, "YAML does not parse: " + e.getMessage());
            return false;
        }
    }
}
