/** Every Dockerfile rule, in catalogue order. */
import type { DockerfileRule } from '../types.js'
import { rule as r000 } from './cl-df-000-parse-error.js'
import { rule as r001 } from './cl-df-001-root-user.js'
import { rule as r002 } from './cl-df-002-missing-user.js'
import { rule as r003 } from './cl-df-003-latest-tag.js'
import { rule as r004 } from './cl-df-004-untagged-base-image.js'
import { rule as r005 } from './cl-df-005-unpinned-base-digest.js'
import { rule as r006 } from './cl-df-006-secret-in-env-arg.js'
import { rule as r007 } from './cl-df-007-secret-file-copied.js'
import { rule as r008 } from './cl-df-008-add-instead-of-copy.js'
import { rule as r009 } from './cl-df-009-add-remote-without-checksum.js'
import { rule as r010 } from './cl-df-010-missing-healthcheck.js'
import { rule as r011 } from './cl-df-011-multiple-healthchecks.js'
import { rule as r012 } from './cl-df-012-multiple-cmd-entrypoint.js'
import { rule as r013 } from './cl-df-013-shell-form-cmd.js'
import { rule as r014 } from './cl-df-014-no-init-process.js'
import { rule as r015 } from './cl-df-015-apt-get-missing-yes.js'
import { rule as r016 } from './cl-df-016-apt-no-install-recommends.js'
import { rule as r017 } from './cl-df-017-apt-lists-not-removed.js'
import { rule as r018 } from './cl-df-018-package-update-alone.js'
import { rule as r019 } from './cl-df-019-package-upgrade.js'
import { rule as r020 } from './cl-df-020-apk-no-cache.js'
import { rule as r021 } from './cl-df-021-rpm-package-hygiene.js'
import { rule as r022 } from './cl-df-022-pip-no-cache-dir.js'
import { rule as r023 } from './cl-df-023-npm-install-not-ci.js'
import { rule as r024 } from './cl-df-024-unpinned-packages.js'
import { rule as r025 } from './cl-df-025-sudo-in-run.js'
import { rule as r026 } from './cl-df-026-cd-instead-of-workdir.js'
import { rule as r027 } from './cl-df-027-relative-workdir.js'
import { rule as r028 } from './cl-df-028-ssh-server.js'
import { rule as r029 } from './cl-df-029-invalid-expose.js'
import { rule as r030 } from './cl-df-030-copy-from-undefined-stage.js'
import { rule as r031 } from './cl-df-031-duplicate-stage-name.js'
import { rule as r032 } from './cl-df-032-maintainer-deprecated.js'
import { rule as r033 } from './cl-df-033-missing-pipefail.js'
import { rule as r034 } from './cl-df-034-remote-script-piped-to-shell.js'
import { rule as r035 } from './cl-df-035-build-toolchain-in-final-image.js'
import { rule as r036 } from './cl-df-036-non-minimal-base-image.js'
import { rule as r037 } from './cl-df-037-world-writable-permissions.js'
import { rule as r038 } from './cl-df-038-user-not-numeric.js'
import { rule as r039 } from './cl-df-039-system-path-volume-workdir.js'
import { rule as r040 } from './cl-df-040-copy-multi-source-dest-slash.js'
import { rule as r041 } from './cl-df-041-onbuild-forbidden-trigger.js'
import { rule as r042 } from './cl-df-042-first-instruction-not-from.js'
import { rule as r043 } from './cl-df-043-untrusted-registry.js'

export const RULES: readonly DockerfileRule[] = [
  r000,
  r001,
  r002,
  r003,
  r004,
  r005,
  r006,
  r007,
  r008,
  r009,
  r010,
  r011,
  r012,
  r013,
  r014,
  r015,
  r016,
  r017,
  r018,
  r019,
  r020,
  r021,
  r022,
  r023,
  r024,
  r025,
  r026,
  r027,
  r028,
  r029,
  r030,
  r031,
  r032,
  r033,
  r034,
  r035,
  r036,
  r037,
  r038,
  r039,
  r040,
  r041,
  r042,
  r043,
]
