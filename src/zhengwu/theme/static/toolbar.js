/* The 无障碍 toolbar and 长者模式 (zhengwu.theme.toolbar).
 *
 * Vanilla JavaScript, no third-party script. The reader's choices live in
 * localStorage and become classes on <html> through window.zhengwuA11y,
 * defined by the small script in <head> (it applies them before the page is
 * painted). Every string comes translated from the page (JSON in
 * .zw-a11y-messages). Keyboard: the panel's buttons form a toolbar (arrow
 * keys, Home, End move between them), Escape closes the panel.
 */
(function () {
  "use strict";

  function init(box) {
    var A = window.zhengwuA11y;
    if (!A || box.dataset.zwReady) {
      return;
    }
    box.dataset.zwReady = "1";
    var strings = JSON.parse(box.querySelector(".zw-a11y-messages").textContent);
    var steps = strings.steps;
    var opener = box.querySelector(".zw-a11y-open");
    var panel = box.querySelector(".zw-a11y-panel");
    var tools = box.querySelector("[role=toolbar]");
    var status = box.querySelector(".zw-a11y-status");
    var buttons = Array.prototype.slice.call(tools.querySelectorAll("button"));
    var speakButton = tools.querySelector("[data-zw-action=speak]");
    var state = A.load();
    var guide = null;

    function say(text) {
      status.textContent = "";
      // A fresh text node each time, so that screen readers announce it.
      window.setTimeout(function () {
        status.textContent = text;
      }, 30);
    }

    function textStep() {
      return Math.max(state.text || 0, state.elder ? strings.elderStep : 0);
    }

    function render() {
      A.apply(state);
      box.querySelectorAll("[data-zw-toggle]").forEach(function (button) {
        button.setAttribute("aria-pressed", state[button.dataset.zwToggle] ? "true" : "false");
      });
      // aria-disabled, not disabled: a toolbar's items stay focusable.
      tools
        .querySelector("[data-zw-action=smaller]")
        .setAttribute("aria-disabled", textStep() <= 0 ? "true" : "false");
      tools
        .querySelector("[data-zw-action=larger]")
        .setAttribute("aria-disabled", textStep() >= steps.length - 1 ? "true" : "false");
      showGuide(!!state.guide);
    }

    function change(update) {
      update();
      A.save(state);
      render();
    }

    // The reading guide: a line that follows the pointer (and the focus).
    function moveGuide(y) {
      if (guide) {
        guide.style.top = Math.max(0, y) + "px";
      }
    }
    function onPointer(event) {
      moveGuide(event.clientY);
    }
    function onFocus(event) {
      var rect = event.target.getBoundingClientRect && event.target.getBoundingClientRect();
      if (rect) {
        moveGuide(rect.bottom + 2);
      }
    }
    function showGuide(on) {
      if (on && !guide) {
        guide = document.createElement("div");
        guide.className = "zw-guide-line";
        guide.setAttribute("aria-hidden", "true");
        document.body.appendChild(guide);
        document.addEventListener("pointermove", onPointer, {passive: true});
        document.addEventListener("focusin", onFocus);
      } else if (!on && guide) {
        guide.remove();
        guide = null;
        document.removeEventListener("pointermove", onPointer);
        document.removeEventListener("focusin", onFocus);
      }
    }

    // Reading aloud with the browser's speech synthesis, in a zh-CN voice.
    function chineseVoice(voices) {
      var lang = function (v) {
        return (v.lang || "").replace("_", "-").toLowerCase();
      };
      return (
        voices.filter(function (v) {
          return lang(v) === "zh-cn";
        })[0] ||
        voices.filter(function (v) {
          return lang(v).indexOf("cmn") === 0 || lang(v) === "zh";
        })[0] ||
        null
      );
    }
    function withVoices(callback) {
      var synth = window.speechSynthesis;
      var voices = synth.getVoices();
      if (voices.length) {
        callback(voices);
        return;
      }
      // Browsers load their voices late; wait a moment for them.
      var done = false;
      var finish = function () {
        if (!done) {
          done = true;
          synth.removeEventListener("voiceschanged", finish);
          callback(synth.getVoices());
        }
      };
      synth.addEventListener("voiceschanged", finish);
      window.setTimeout(finish, 800);
    }
    function textToRead() {
      var selected = String(window.getSelection ? window.getSelection() : "").trim();
      if (selected) {
        return selected;
      }
      var main = document.querySelector("#content, main, #content-core, #portal-column-content");
      return main ? main.innerText.trim() : "";
    }
    function speaking(on) {
      speakButton.setAttribute("aria-pressed", on ? "true" : "false");
      speakButton.textContent = on ? strings.stop : strings.read;
    }
    function speak() {
      var synth = window.speechSynthesis;
      if (!synth || typeof window.SpeechSynthesisUtterance === "undefined") {
        say(strings.noSpeech);
        return;
      }
      if (synth.speaking || synth.pending) {
        synth.cancel();
        speaking(false);
        say(strings.stopped);
        return;
      }
      var text = textToRead();
      if (!text) {
        say(strings.nothing);
        return;
      }
      withVoices(function (voices) {
        var voice = chineseVoice(voices);
        if (!voice) {
          say(strings.noVoice);
          return;
        }
        var utterance = new window.SpeechSynthesisUtterance(text);
        utterance.voice = voice;
        utterance.lang = voice.lang;
        utterance.onend = utterance.onerror = function () {
          speaking(false);
        };
        speaking(true);
        say(strings.reading);
        synth.speak(utterance);
      });
    }

    var actions = {
      larger: function () {
        change(function () {
          state.text = Math.min(textStep() + 1, steps.length - 1);
        });
        say(strings.textSize.replace("${size}", steps[textStep()]));
      },
      smaller: function () {
        change(function () {
          state.text = Math.max(textStep() - 1, 0);
          if (state.elder && state.text < strings.elderStep) {
            state.elder = false;
          }
        });
        say(strings.textSize.replace("${size}", steps[textStep()]));
      },
      speak: speak,
      reset: function () {
        if (window.speechSynthesis) {
          window.speechSynthesis.cancel();
        }
        speaking(false);
        change(function () {
          state = {};
        });
        say(strings.reset);
      },
      close: function () {
        toggle(false);
      }
    };

    function toggle(open) {
      panel.hidden = !open;
      opener.setAttribute("aria-expanded", open ? "true" : "false");
      if (open) {
        (buttons.filter(function (b) {
          return b.tabIndex === 0;
        })[0] || buttons[0]).focus();
      } else {
        opener.focus();
      }
    }

    // Roving tabindex: one tab stop for the whole toolbar.
    function rove(target) {
      buttons.forEach(function (b) {
        b.tabIndex = b === target ? 0 : -1;
      });
      target.focus();
    }
    buttons.forEach(function (b, i) {
      b.tabIndex = i === 0 ? 0 : -1;
    });
    tools.addEventListener("keydown", function (event) {
      var enabled = buttons;
      var i = enabled.indexOf(document.activeElement);
      var next = null;
      if (event.key === "ArrowRight" || event.key === "ArrowDown") {
        next = enabled[(i + 1) % enabled.length];
      } else if (event.key === "ArrowLeft" || event.key === "ArrowUp") {
        next = enabled[(i - 1 + enabled.length) % enabled.length];
      } else if (event.key === "Home") {
        next = enabled[0];
      } else if (event.key === "End") {
        next = enabled[enabled.length - 1];
      }
      if (next) {
        event.preventDefault();
        rove(next);
      }
    });
    box.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && !panel.hidden) {
        event.preventDefault();
        toggle(false);
      }
    });
    // A click elsewhere closes the panel, leaving the focus where it went.
    document.addEventListener("click", function (event) {
      if (!panel.hidden && !box.contains(event.target)) {
        panel.hidden = true;
        opener.setAttribute("aria-expanded", "false");
      }
    });
    opener.addEventListener("click", function () {
      toggle(panel.hidden);
    });
    box.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button || !box.contains(button) || button.getAttribute("aria-disabled") === "true") {
        return;
      }
      if (button.dataset.zwToggle) {
        var name = button.dataset.zwToggle;
        change(function () {
          state[name] = !state[name];
        });
        if (name === "elder") {
          say(state.elder ? strings.elderOn : strings.elderOff);
        }
      } else if (button.dataset.zwAction) {
        actions[button.dataset.zwAction]();
      }
      if (tools.contains(button)) {
        buttons.forEach(function (b) {
          b.tabIndex = b === button ? 0 : -1;
        });
      }
    });
    // Another tab changed the choices: follow them.
    window.addEventListener("storage", function (event) {
      if (event.key === A.key) {
        state = A.load();
        render();
      }
    });
    render();
  }

  function start() {
    document.querySelectorAll(".zw-a11y").forEach(init);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
