import { describe, expect, it } from 'vitest';
import { attributeFieldSpec, humaniseAttributeName } from './required-attributes';

describe('required attribute fields', () => {
  it('labels standard attributes from the catalog, with input hints browsers understand', () => {
    expect(attributeFieldSpec('given_name')).toMatchObject({
      labelKey: 'newPassword.attributes.given_name',
      requiredKey: 'newPassword.attributeErrors.given_name',
      inputProps: { autoComplete: 'given-name' },
    });
    expect(attributeFieldSpec('phone_number')).toMatchObject({
      hintKey: 'newPassword.attributeHints.phone_number',
      inputProps: { type: 'tel', autoComplete: 'tel' },
    });
  });

  it('humanises attributes the catalog cannot know', () => {
    expect(attributeFieldSpec('custom:department')).toMatchObject({
      labelKey: null,
      humanisedLabel: 'Department',
      hintKey: null,
      // Its empty-field message takes the label: "Enter a value for “Department”."
      requiredKey: 'ui.validation.attributeRequired',
    });
    expect(humaniseAttributeName('custom:cost_centre')).toBe('Cost centre');
    expect(humaniseAttributeName('dev:build-number')).toBe('Build number');
    expect(humaniseAttributeName('custom:')).toBe('custom:');
  });
});
