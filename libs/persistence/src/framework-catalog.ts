import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CaseRuleViolation, InvalidFrameworkError, parseFramework, type CategoryCode, type IndicatorFramework } from '#domain';

/** libs/domain/frameworks, from the sources and from dist/ alike (the build copies the data files). */
export const DEFAULT_FRAMEWORKS_FOLDER = resolve(dirname(fileURLToPath(import.meta.url)), '../../domain/frameworks');

/** The indicator frameworks shipped as data files, validated when loaded; a running case keeps its version. */
export class FrameworkCatalog {
  private constructor(private readonly frameworks: ReadonlyMap<string, IndicatorFramework>) {}

  /** Loads every `<category>.<version>.json`; refuses the whole catalog naming every bad file and field. */
  static load(folder = DEFAULT_FRAMEWORKS_FOLDER): FrameworkCatalog {
    const frameworks = new Map<string, IndicatorFramework>();
    const problems: string[] = [];
    for (const file of readdirSync(folder)
      .filter((name) => name.endsWith('.json'))
      .sort()) {
      try {
        const framework = parseFramework(JSON.parse(readFileSync(join(folder, file), 'utf8')), file);
        if (file !== `${framework.category}.${framework.version}.json`) {
          problems.push(`${file}: must be named ${framework.category}.${framework.version}.json`);
          continue;
        }
        frameworks.set(key(framework.category, framework.version), framework);
      } catch (error) {
        problems.push(
          error instanceof InvalidFrameworkError ? error.problems.map((problem) => `${file}: ${problem}`).join('\n  - ') : `${file}: ${String(error)}`,
        );
      }
    }
    if (problems.length) throw new InvalidFrameworkError(folder, problems);
    return new FrameworkCatalog(frameworks);
  }

  get(category: CategoryCode, version: string): IndicatorFramework {
    const framework = this.frameworks.get(key(category, version));
    if (!framework) {
      throw new CaseRuleViolation(
        'FRAMEWORK_UNKNOWN',
        `没有 ${category} 的 ${version} 版指标体系`,
        `There is no ${category} indicator framework version ${version}`,
      );
    }
    return framework;
  }

  /** Versions per category, oldest first ("2019.1" < "2019.2" < "2020.1"). */
  versions(category: CategoryCode): string[] {
    return [...this.frameworks.values()]
      .filter((framework) => framework.category === category)
      .map((framework) => framework.version)
      .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  }
}

function key(category: CategoryCode, version: string): string {
  return `${category}@${version}`;
}
